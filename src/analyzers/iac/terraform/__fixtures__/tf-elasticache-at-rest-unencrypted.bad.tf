resource "aws_elasticache_replication_group" "off" {
  replication_group_id       = "off"
  description                = "cache"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = false # expect: tf-elasticache-at-rest-unencrypted
  transit_encryption_enabled = true
}

resource "aws_elasticache_replication_group" "defaults" { # expect: tf-elasticache-at-rest-unencrypted
  replication_group_id       = "defaults"
  description                = "cache"
  node_type                  = "cache.t4g.small"
  engine                     = "redis"
  transit_encryption_enabled = true
}
