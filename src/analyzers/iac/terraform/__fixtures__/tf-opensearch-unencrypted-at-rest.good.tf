resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.11"

  encrypt_at_rest {
    enabled = true
  }
}

resource "aws_elasticsearch_domain" "computed" {
  domain_name           = "computed"
  elasticsearch_version = "7.10"

  encrypt_at_rest {
    enabled = var.encrypt
  }
}
