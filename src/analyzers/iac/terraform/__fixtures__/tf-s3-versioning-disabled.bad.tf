resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Suspended" # expect: tf-s3-versioning-disabled
  }
}

resource "aws_s3_bucket" "old" {
  bucket = "old"
  versioning {
    enabled = false # expect: tf-s3-versioning-disabled
  }
}
