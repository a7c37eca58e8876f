resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = true
  block_public_policy     = false # expect: tf-s3-public-access-block-off
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_public_access_block" "data" { # expect: tf-s3-public-access-block-off
  bucket            = aws_s3_bucket.data.id
  block_public_acls = true
}
