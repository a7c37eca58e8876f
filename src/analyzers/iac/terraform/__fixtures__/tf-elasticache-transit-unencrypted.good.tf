resource "aws_elasticache_replication_group" "on" {
  replication_group_id       = "on"
  description                = "cache"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}

resource "aws_elasticache_replication_group" "valkey" {
  replication_group_id = "valkey"
  description          = "cache"
  node_type            = "cache.t4g.small"
  engine               = "valkey"
}

resource "aws_elasticache_replication_group" "computed_engine" {
  replication_group_id = "computed-engine"
  description          = "cache"
  node_type            = "cache.t4g.small"
  engine               = var.engine
}
