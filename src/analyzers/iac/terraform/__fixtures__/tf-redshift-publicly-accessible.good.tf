resource "aws_redshift_cluster" "main" {
  cluster_identifier  = "main"
  node_type           = "ra3.xlplus"
  publicly_accessible = false
  encrypted           = true
}

resource "aws_redshift_cluster" "computed" {
  cluster_identifier  = "computed"
  node_type           = "ra3.xlplus"
  publicly_accessible = var.public
}
