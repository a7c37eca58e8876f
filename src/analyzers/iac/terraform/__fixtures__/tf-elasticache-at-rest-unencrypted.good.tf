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

resource "aws_elasticache_replication_group" "member" {
  replication_group_id        = "member"
  description                 = "secondary"
  global_replication_group_id = aws_elasticache_global_replication_group.main.global_replication_group_id
}

resource "aws_elasticache_replication_group" "computed" {
  replication_group_id       = "computed"
  description                = "cache"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = var.encrypt
  transit_encryption_enabled = var.encrypt
}
