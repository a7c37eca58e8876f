module "vpc" {
  source = "git::https://github.com/example-org/terraform-vpc.git?ref=3f1c2b7a9d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a"
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.8.4"
}

module "local" {
  source = "./modules/app"
}

module "archive" {
  source = "https://example.com/modules/app-1.2.0.zip"
}
