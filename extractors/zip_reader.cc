#include "extractors/zip_reader.h"

#include <zip.h>

#include "model/error.h"

namespace ogix {

struct ZipReader::Impl {
  zip_t* archive = nullptr;
};

ZipReader::ZipReader(std::string_view bytes, std::string source) : impl_(std::make_unique<Impl>()), source_(std::move(source)) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src == nullptr) {
    zip_error_fini(&err);
    throw Error(ErrorCode::internal, source_, "cannot create a ZIP source");
  }
  // ZIP_CHECKCONS: a central directory that contradicts the local headers is damage, not data.
  impl_->archive = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (impl_->archive == nullptr) {
    std::string why = zip_error_strerror(&err);
    zip_source_free(src);  // not taken over by a failed open
    zip_error_fini(&err);
    throw Error(ErrorCode::damaged, source_, "not a readable ZIP container: " + why);
  }
  zip_error_fini(&err);
}

ZipReader::~ZipReader() {
  if (impl_ && impl_->archive != nullptr) zip_discard(impl_->archive);
}

bool ZipReader::has(const std::string& name) const { return zip_name_locate(impl_->archive, name.c_str(), 0) >= 0; }

std::string ZipReader::read(const std::string& name, std::size_t max_bytes, const char* limit_name) const {
  zip_int64_t index = zip_name_locate(impl_->archive, name.c_str(), 0);
  if (index < 0) throw Error(ErrorCode::unsupported, source_, "the ZIP container has no " + name);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(impl_->archive, static_cast<zip_uint64_t>(index), 0, &st) != 0)
    throw Error(ErrorCode::damaged, source_, "cannot read the directory entry of " + name);
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    throw Error(ErrorCode::encrypted, source_, name + " is encrypted");
  // The declared size may lie; the read loop below enforces the cap on what really inflates.
  if ((st.valid & ZIP_STAT_SIZE) && st.size > max_bytes)
    throw Error(ErrorCode::limit_exceeded, source_,
                name + " inflates to " + std::to_string(st.size) + " bytes, more than " + limit_name + " allows");
  zip_file_t* f = zip_fopen_index(impl_->archive, static_cast<zip_uint64_t>(index), 0);
  if (f == nullptr) {
    int code = zip_error_code_zip(zip_get_error(impl_->archive));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD) throw Error(ErrorCode::encrypted, source_, name + " is encrypted");
    throw Error(ErrorCode::damaged, source_, "cannot open " + name + ": " + zip_strerror(impl_->archive));
  }
  std::string out;
  char buf[65536];
  for (;;) {
    zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      std::string why = zip_file_strerror(f);
      zip_fclose(f);
      throw Error(ErrorCode::damaged, source_, "cannot inflate " + name + ": " + why);
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
      zip_fclose(f);
      throw Error(ErrorCode::limit_exceeded, source_, name + " inflates to more than " + limit_name + " allows");
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  zip_fclose(f);
  return out;
}

}  // namespace ogix
