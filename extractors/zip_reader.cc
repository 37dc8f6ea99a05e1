#include "extractors/zip_reader.h"

#include <string>

#include <zip.h>

#include "model/error.h"
#include "model/shared_library.h"

namespace ogix {

namespace {

// libzip, loaded on the first .docx rather than linked: it brings libcrypto (for ZIP encryption,
// which ogix refuses anyway), whose thousands of symbol bindings cost every ogix process about
// 2 ms of CPU and 7 million instructions at start-up — as much as a third of converting a
// 5-page PDF beyond pdftotext's own cost. OGIX_LIBZIP_SONAME is the soname of the libzip that the
// build found (CMakeLists.txt), so the header's declarations and the loaded library agree.
#define OGIX_ZIP_FUNCTIONS(X) \
  X(zip_error_init) \
  X(zip_error_fini) \
  X(zip_error_strerror) \
  X(zip_error_code_zip) \
  X(zip_source_buffer_create) \
  X(zip_source_free) \
  X(zip_open_from_source) \
  X(zip_discard) \
  X(zip_name_locate) \
  X(zip_stat_init) \
  X(zip_stat_index) \
  X(zip_fopen_index) \
  X(zip_get_error) \
  X(zip_strerror) \
  X(zip_fread) \
  X(zip_file_strerror) \
  X(zip_fclose)
struct LibZip {
  OGIX_ZIP_FUNCTIONS(OGIX_FUNCTION_POINTER)
  std::string error;  // why loading failed; empty when every function was found
  void bind(SharedLibrary& so) {
#define OGIX_ZIP_BIND(name) so.bind(name, #name);
    OGIX_ZIP_FUNCTIONS(OGIX_ZIP_BIND)
#undef OGIX_ZIP_BIND
  }
};

// The library, loaded on first use (model/shared_library.h).
const LibZip& libzip() { return load_functions<LibZip>(OGIX_LIBZIP_SONAME); }

}  // namespace

struct ZipReader::Impl {
  const LibZip* z = nullptr;
  zip_t* archive = nullptr;
};

ZipReader::ZipReader(std::string_view bytes, std::string source) : impl_(std::make_unique<Impl>()), source_(std::move(source)) {
  const LibZip& z = libzip();
  if (!z.error.empty()) throw Error(ErrorCode::internal, source_, z.error);
  impl_->z = &z;
  zip_error_t err;
  z.zip_error_init(&err);
  zip_source_t* src = z.zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) {
    z.zip_error_fini(&err);
    throw Error(ErrorCode::internal, source_, "cannot create a ZIP source");
  }
  // ZIP_CHECKCONS: a central directory that contradicts the local headers is damage, not data.
  impl_->archive = z.zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (impl_->archive == nullptr) {
    std::string why = z.zip_error_strerror(&err);
    z.zip_source_free(src);  // not taken over by a failed open
    z.zip_error_fini(&err);
    throw Error(ErrorCode::damaged, source_, "not a readable ZIP container: " + why);
  }
  z.zip_error_fini(&err);
}

ZipReader::~ZipReader() {
  if (impl_ && impl_->archive != nullptr) impl_->z->zip_discard(impl_->archive);
}

bool ZipReader::has(const std::string& name) const { return impl_->z->zip_name_locate(impl_->archive, name.c_str(), 0) >= 0; }

std::string ZipReader::read(const std::string& name, std::size_t max_bytes, const char* limit_name) const {
  const LibZip& z = *impl_->z;
  zip_int64_t index = z.zip_name_locate(impl_->archive, name.c_str(), 0);
  if (index < 0) throw Error(ErrorCode::unsupported, source_, "the ZIP container has no " + name);
  zip_stat_t st;
  z.zip_stat_init(&st);
  if (z.zip_stat_index(impl_->archive, static_cast<zip_uint64_t>(index), 0, &st) != 0)
    throw Error(ErrorCode::damaged, source_, "cannot read the directory entry of " + name);
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    throw Error(ErrorCode::encrypted, source_, name + " is encrypted");
  // The declared size may lie; the read loop below enforces the cap on what really inflates.
  if ((st.valid & ZIP_STAT_SIZE) && st.size > max_bytes)
    throw Error(ErrorCode::limit_exceeded, source_,
                name + " inflates to " + std::to_string(st.size) + " bytes, more than " + limit_name + " allows");
  zip_file_t* f = z.zip_fopen_index(impl_->archive, static_cast<zip_uint64_t>(index), 0);
  if (f == nullptr) {
    int code = z.zip_error_code_zip(z.zip_get_error(impl_->archive));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD) throw Error(ErrorCode::encrypted, source_, name + " is encrypted");
    throw Error(ErrorCode::damaged, source_, "cannot open " + name + ": " + z.zip_strerror(impl_->archive));
  }
  std::string out;
  char buf[65536];
  for (;;) {
    zip_int64_t n = z.zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      std::string why = z.zip_file_strerror(f);
      z.zip_fclose(f);
      throw Error(ErrorCode::damaged, source_, "cannot inflate " + name + ": " + why);
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
      z.zip_fclose(f);
      throw Error(ErrorCode::limit_exceeded, source_, name + " inflates to more than " + limit_name + " allows");
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  z.zip_fclose(f);
  return out;
}

}  // namespace ogix
