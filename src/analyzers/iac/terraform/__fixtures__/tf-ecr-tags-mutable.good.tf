resource "aws_ecr_repository" "immutable" {
  name                 = "immutable"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecr_repository" "computed" {
  name                 = "computed"
  image_tag_mutability = var.mutability
}
