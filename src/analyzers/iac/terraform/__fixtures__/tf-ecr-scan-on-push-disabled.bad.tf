resource "aws_ecr_repository" "off" {
  name = "off"

  image_scanning_configuration {
    scan_on_push = false # expect: tf-ecr-scan-on-push-disabled
  }
}

resource "aws_ecr_repository" "empty" {
  name = "empty"

  image_scanning_configuration { # expect: tf-ecr-scan-on-push-disabled
  }
}

resource "aws_ecr_repository" "defaults" { # expect: tf-ecr-scan-on-push-disabled
  name = "defaults"
}
