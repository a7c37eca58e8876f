resource "aws_db_instance" "main" { # expect: tf-rds-storage-unencrypted
  engine         = "postgres"
  instance_class = "db.t3.micro"
}

resource "aws_rds_cluster" "aurora" {
  engine            = "aurora-postgresql"
  storage_encrypted = false # expect: tf-rds-storage-unencrypted
}
