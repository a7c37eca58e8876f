resource "google_storage_bucket_iam_binding" "viewers" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  members = [
    "group:web@example.com",
    "allUsers", # expect: tf-gcs-bucket-public-iam
  ]
}

resource "google_storage_bucket_iam_member" "any_google_account" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  member = "allAuthenticatedUsers" # expect: tf-gcs-bucket-public-iam
}
