resource "aws_s3_bucket" "site" {
  bucket = "site"
  acl    = "public-read" # expect: tf-s3-public-read-acl
}

variable "acl" {
  default = "authenticated-read"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = var.acl # expect: tf-s3-public-read-acl
}
