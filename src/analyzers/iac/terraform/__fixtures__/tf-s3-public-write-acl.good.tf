resource "aws_s3_bucket" "drop" {
  bucket = "drop"
  acl    = "public-read"
}
