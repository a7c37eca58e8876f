resource "aws_db_instance" "main" {
  engine              = "postgres"
  publicly_accessible = false
}

resource "aws_db_instance" "other" {
  engine              = "postgres"
  publicly_accessible = var.env == "dev" ? true : false
}
