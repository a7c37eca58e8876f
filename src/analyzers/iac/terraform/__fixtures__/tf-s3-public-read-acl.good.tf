resource "aws_s3_bucket" "site" {
  bucket = "site"
  acl    = "private"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = var.acl_from_outside
}
