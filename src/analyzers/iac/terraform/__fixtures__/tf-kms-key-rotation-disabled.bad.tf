resource "aws_kms_key" "data" { # expect: tf-kms-key-rotation-disabled
  description = "data"
}

resource "aws_kms_key" "off" {
  description         = "off"
  enable_key_rotation = false # expect: tf-kms-key-rotation-disabled
}
