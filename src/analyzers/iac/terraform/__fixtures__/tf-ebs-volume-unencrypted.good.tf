resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 40
  encrypted         = true
}

resource "aws_ebs_volume" "maybe" {
  availability_zone = "eu-west-1a"
  size              = 40
  encrypted         = var.encrypt
}
