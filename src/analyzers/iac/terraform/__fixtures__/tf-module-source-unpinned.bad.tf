module "vpc" {
  source = "git::https://github.com/example-org/terraform-vpc.git" # expect: tf-module-source-unpinned
}

module "network" {
  source = "github.com/example-org/terraform-network?ref=main" # expect: tf-module-source-unpinned
}

module "eks" {
  source = "terraform-aws-modules/eks/aws" # expect: tf-module-source-unpinned
}
