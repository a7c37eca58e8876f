resource "aws_db_instance" "main" {
  engine                  = "postgres"
  backup_retention_period = 0 # expect: tf-rds-backups-disabled
}
