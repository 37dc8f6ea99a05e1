#include "writers/review_style.h"

namespace ogix {

std::string_view review_css() {
  return R"CSS(body { font: 14px/1.45 "Noto Sans CJK SC", "Noto Sans", sans-serif; margin: 1em 2em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
nav { margin-bottom: .5em; } a { color: #0645ad; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: 0 1em; } dl.meta dt { color: #666; }
dl.meta dd { margin: 0; word-break: break-all; }
.note { background: #fff4d6; border-left: 4px solid #e0a800; padding: .4em .8em; }
.legend, .srccap, figcaption { color: #555; font-size: .9em; }
table { border-collapse: collapse; }
table.stat th, table.stat td, table.src th, table.src td, table.list th, table.list td { border: 1px solid #999; padding: 2px 5px; }
table.stat th { background: #f2f2f2; font-weight: normal; text-align: left; }
table.stat thead th { text-align: center; }
table.stat td { text-align: right; position: relative; min-width: 2.5em; white-space: nowrap; }
table.stat td a.v { color: inherit; text-decoration: none; display: block; }
td.void { background: repeating-linear-gradient(45deg, #eee, #eee 3px, #fafafa 3px, #fafafa 6px); }
.st-blank i, .st-missing i { color: #888; }
td.st-na { color: #666; }
td.st-text, span.st-text { background: #fde2e2; color: #8a1111; }
td.st-missing, span.st-missing { background: #e6e0f5; color: #4b2a8a; }
td.fail { outline: 3px solid #d00; outline-offset: -3px; }
span.fail, td.n.fail { color: #c00; font-weight: bold; }
td.n.warn { color: #a66b00; }
tr.extra-row th { font-style: italic; background: #e8f4ff; }
td.extra { background: #eef7ff; }
td .tip { display: none; position: absolute; z-index: 5; left: 0; top: 100%; background: #fffbe6; border: 1px solid #d00;
  padding: 4px 6px; color: #222; text-align: left; white-space: normal; width: 28em; font-size: .85em; }
td .tip span { display: block; }
td.fail:hover .tip, td.fail:focus .tip, td.fail:focus-within .tip { display: block; }
td:target, th:target { background: #ffe27a !important; outline: 3px solid #e07000; }
.pair { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
.where { max-width: 100%; overflow-x: auto; }
.cropbox { position: relative; border: 1px solid #aaa; }
.cropbox img, .cropbox svg { position: absolute; left: 0; top: 0; }
.cropbox rect { fill: rgba(0, 90, 200, .04); stroke: #3a7bd5; stroke-width: 1; vector-effect: non-scaling-stroke; }
.cropbox rect.fail { stroke: #d00; stroke-width: 2; }
.cropbox rect.st-text { fill: rgba(220, 0, 0, .12); } .cropbox rect.st-missing { fill: rgba(80, 40, 160, .12); }
.cropbox rect:target { fill: rgba(255, 200, 0, .45); stroke: #e07000; stroke-width: 3; }
table.src td, table.src th { font-size: .85em; } table.src th { background: #f6f6f6; } td.ln { color: #888; }
ul.rules li { margin-bottom: .4em; }
tr.sev-warning td:first-child { color: #a66b00; font-weight: bold; } tr.r-fail td { color: #c00; }
article.sec p.sub { font-weight: bold; } article.sec h3 small, tr.extra-row small { color: #888; font-weight: normal; }
.charts { display: flex; flex-wrap: wrap; gap: 2em; }
svg.chart text { font-size: 11px; } svg.chart text.ct { font-weight: bold; }
.bar-pass { fill: #4a9a4a; } .bar-fail { fill: #d33; } .bar-unchecked { fill: #aaa; } .bar-year, .bar-profile { fill: #3a7bd5; }
#reports tr.attn td:first-child { border-left: 4px solid #d00; }
#reports th { cursor: pointer; } td.n { text-align: right; } td.code { font-family: monospace; }
)CSS";
}

}  // namespace ogix
