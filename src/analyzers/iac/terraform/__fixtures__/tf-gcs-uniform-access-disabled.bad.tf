resource "google_storage_bucket" "assets" {
  name                        = "assets"
  location                    = "EU"
  uniform_bucket_level_access = false # expect: tf-gcs-uniform-access-disabled
}

resource "google_storage_bucket" "defaults" { # expect: tf-gcs-uniform-access-disabled
  name     = "defaults"
  location = "EU"
}
