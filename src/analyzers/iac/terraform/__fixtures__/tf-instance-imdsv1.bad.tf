resource "aws_instance" "web" { # expect: tf-instance-imdsv1
  ami           = "ami-123"
  instance_type = "t3.micro"
}

resource "aws_instance" "optional" {
  ami           = "ami-123"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "optional" # expect: tf-instance-imdsv1
  }
}
