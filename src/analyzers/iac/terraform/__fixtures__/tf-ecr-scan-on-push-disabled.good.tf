resource "aws_ecr_repository" "on" {
  name = "on"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "computed" {
  name = "computed"

  image_scanning_configuration {
    scan_on_push = var.scan
  }
}

resource "aws_ecr_repository" "dynamic" {
  name = "dynamic"

  dynamic "image_scanning_configuration" {
    for_each = var.scanning
    content {
      scan_on_push = image_scanning_configuration.value
    }
  }
}
