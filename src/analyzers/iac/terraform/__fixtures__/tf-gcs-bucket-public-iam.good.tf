resource "google_storage_bucket_iam_binding" "viewers" {
  bucket  = google_storage_bucket.site.name
  role    = "roles/storage.objectViewer"
  members = ["group:web@example.com", "serviceAccount:${google_service_account.app.email}"]
}

resource "google_storage_bucket_iam_member" "app" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  member = var.reader
}
