// Small helpers over libxml2's HTML tree: names, attributes, node paths, a non-recursive walk.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ogix::html {

// The element's name as libxml2's HTML parser stores it (lowercase), or "" for non-elements.
std::string_view element_name(const xmlNode* n);

// True when `n` is an element named `name` (lowercase).
bool is_element(const xmlNode* n, std::string_view name);

// The value of attribute `name` (lowercase) of element `n`, or "" when absent.
std::string attribute(const xmlNode* n, std::string_view name);

// True for elements whose content a reader never sees: scripts, styles, form controls, Word's
// XML islands, and anything styled display:none / mso-hide:all or marked hidden.
bool is_invisible_element(const xmlNode* n);

// True for elements that start and end a line of text (p, div, h1…h6, li, tr, td, …).
bool is_block_element(const xmlNode* n);

// True for site chrome recognised by element (nav, aside, header, footer) or by a class/id token
// (menu, breadcrumb, share, related, pagination, …).
bool is_chrome_element(const xmlNode* n);

// True for a class/id token that marks a report body container in common CMSs (TRS_Editor, zoom,
// article, content, …); a tie-breaker only, never a requirement.
bool has_content_class(const xmlNode* n);

// Visits the subtree of `root` in document order without recursion (any depth is safe):
// enter(node) returns whether to descend into its children; leave(node) runs after them
// (also for nodes not descended into).
template <class Enter, class Leave>
void walk(const xmlNode* root, Enter&& enter, Leave&& leave) {
  const xmlNode* cur = root;
  while (cur != nullptr) {
    if (enter(cur) && cur->children != nullptr) {
      cur = cur->children;
      continue;
    }
    while (true) {
      leave(cur);
      if (cur == root) return;
      if (cur->next != nullptr) {
        cur = cur->next;
        break;
      }
      cur = cur->parent;
    }
  }
}

// The deepest element nesting under `root` (root = 1), counted without recursion; stops counting
// once `limit` is exceeded and returns limit + 1.
int element_depth(const xmlNode* root, int limit);

// Node paths in XPath style (/html/body/div[3]/table[1]/tr[4]/td[2]). Each node's position among
// its same-name siblings is computed once per parent and cached, so a page with wide parents costs
// O(nodes) in total and a path costs O(depth); full paths are not cached (that would be quadratic
// in the depth of a hostile page).
class NodePaths {
 public:
  // The path of element `n`.
  std::string path(const xmlNode* n);

 private:
  int position(const xmlNode* n);
  std::unordered_map<const xmlNode*, int> position_;
  std::unordered_map<const xmlNode*, std::string> path_;  // paths already built, by element
  std::vector<const xmlNode*> chain_;                     // path()'s scratch: the steps below a known path
};

}  // namespace ogix::html
