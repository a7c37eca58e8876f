resource "aws_elasticache_replication_group" "off" {
  replication_group_id       = "off"
  description                = "cache"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = false # expect: tf-elasticache-transit-unencrypted
}

resource "aws_elasticache_replication_group" "defaults" { # expect: tf-elasticache-transit-unencrypted
  replication_group_id       = "defaults"
  description                = "cache"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = true
}
