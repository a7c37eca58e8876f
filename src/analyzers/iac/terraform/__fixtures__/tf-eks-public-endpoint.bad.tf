resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.eks.arn

  vpc_config {
    subnet_ids             = var.subnets
    endpoint_public_access = true # expect: tf-eks-public-endpoint
  }
}

resource "aws_eks_cluster" "defaults" {
  name     = "defaults"
  role_arn = aws_iam_role.eks.arn
  vpc_config { # expect: tf-eks-public-endpoint
    subnet_ids = var.subnets
  }
}
