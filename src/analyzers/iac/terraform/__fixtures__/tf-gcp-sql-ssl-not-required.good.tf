resource "google_sql_database_instance" "mode" {
  name             = "mode"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      ssl_mode = "ENCRYPTED_ONLY"
    }
  }
}

resource "google_sql_database_instance" "certs" {
  name             = "certs"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      ssl_mode = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"
    }
  }
}

resource "google_sql_database_instance" "legacy" {
  name             = "legacy"
  database_version = "MYSQL_8_0"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      require_ssl = true
    }
  }
}

resource "google_sql_database_instance" "private" {
  name             = "private"
  database_version = "MYSQL_8_0"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.main.id
    }
  }
}

resource "google_sql_database_instance" "computed" {
  name             = "computed"
  database_version = "MYSQL_8_0"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      ssl_mode = var.ssl_mode
    }
  }
}

resource "google_sql_database_instance" "dynamic" {
  name             = "dynamic"
  database_version = "MYSQL_8_0"

  settings {
    tier = "db-f1-micro"

    dynamic "ip_configuration" {
      for_each = var.ip_configuration
      content {
        ipv4_enabled = ip_configuration.value.public
      }
    }
  }
}
