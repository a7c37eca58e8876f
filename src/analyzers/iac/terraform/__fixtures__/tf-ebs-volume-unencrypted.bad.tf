resource "aws_ebs_volume" "data" { # expect: tf-ebs-volume-unencrypted
  availability_zone = "eu-west-1a"
  size              = 40
}

resource "aws_ebs_volume" "off" {
  availability_zone = "eu-west-1a"
  size              = 40
  encrypted         = "false" # expect: tf-ebs-volume-unencrypted
}
