resource "aws_redshift_cluster" "main" {
  cluster_identifier  = "main"
  node_type           = "ra3.xlplus"
  publicly_accessible = true # expect: tf-redshift-publicly-accessible
  encrypted           = true
}
