resource "aws_ecr_repository" "explicit" {
  name                 = "explicit"
  image_tag_mutability = "MUTABLE" # expect: tf-ecr-tags-mutable
}

resource "aws_ecr_repository" "defaults" { # expect: tf-ecr-tags-mutable
  name = "defaults"
}
