resource "aws_redshift_cluster" "main" {
  cluster_identifier = "main"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_key.redshift.arn
}

resource "aws_redshift_cluster" "computed" {
  cluster_identifier = "computed"
  node_type          = "ra3.xlplus"
  encrypted          = var.encrypted
}
