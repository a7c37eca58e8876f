resource "aws_cloudtrail" "main" { # expect: tf-cloudtrail-log-validation-disabled
  name                  = "main"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
}
