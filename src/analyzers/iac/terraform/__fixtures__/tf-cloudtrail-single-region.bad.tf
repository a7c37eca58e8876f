resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.trail.id
  is_multi_region_trail      = false # expect: tf-cloudtrail-single-region
  enable_log_file_validation = true
}
