resource "aws_security_group" "bastion" {
  name = "bastion"

  ingress {
    from_port   = 20
    to_port     = 25
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"] # expect: tf-sg-admin-port-open
  }

  ingress {
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "rdp" {
  type             = "ingress"
  from_port        = 3389
  to_port          = 3389
  protocol         = "tcp"
  ipv6_cidr_blocks = ["::/0"] # expect: tf-sg-admin-port-open
  security_group_id = aws_security_group.bastion.id
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.bastion.id
  cidr_ipv4         = "0.0.0.0/0" # expect: tf-sg-admin-port-open
  from_port         = 22
  ip_protocol       = "tcp"
  to_port           = 22
}
