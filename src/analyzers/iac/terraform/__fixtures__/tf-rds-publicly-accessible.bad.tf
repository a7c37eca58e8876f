locals {
  public = true
}

resource "aws_db_instance" "main" {
  engine              = "postgres"
  publicly_accessible = local.public # expect: tf-rds-publicly-accessible
}
