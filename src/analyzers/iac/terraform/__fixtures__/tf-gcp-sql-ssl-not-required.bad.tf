resource "google_sql_database_instance" "mode" {
  name             = "mode"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED" # expect: tf-gcp-sql-ssl-not-required
    }
  }
}

resource "google_sql_database_instance" "legacy" {
  name             = "legacy"
  database_version = "MYSQL_8_0"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      require_ssl = false # expect: tf-gcp-sql-ssl-not-required
    }
  }
}

resource "google_sql_database_instance" "unset" {
  name             = "unset"
  database_version = "MYSQL_8_0"

  settings {
    tier = "db-f1-micro"

    ip_configuration { # expect: tf-gcp-sql-ssl-not-required
      ipv4_enabled = true
    }
  }
}

resource "google_sql_database_instance" "defaults" {
  name             = "defaults"
  database_version = "MYSQL_8_0"

  settings { # expect: tf-gcp-sql-ssl-not-required
    tier = "db-f1-micro"
  }
}
