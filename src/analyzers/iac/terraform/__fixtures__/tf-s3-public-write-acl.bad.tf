resource "aws_s3_bucket" "drop" {
  bucket = "drop"
  acl    = "public-read-write" # expect: tf-s3-public-write-acl
}
