resource "aws_security_group" "open" {
  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"] # expect: tf-sg-all-traffic-open
  }
}

resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = aws_security_group.open.id
  cidr_ipv6         = "::/0" # expect: tf-sg-all-traffic-open
  ip_protocol       = "-1"
}
