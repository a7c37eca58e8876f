resource "google_storage_bucket" "assets" {
  name                        = "assets"
  location                    = "EU"
  uniform_bucket_level_access = true
}
