# ruleid: ruby-hardcoded-credentials
STRIPE_API_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"

class Settings
  def connect
    # ruleid: ruby-hardcoded-credentials
    db_password = "s3cr3t-Passw0rd"
    # todoruleid: ruby-hardcoded-credentials
    Aws::Credentials.new("AKIAIOSFODNN7EXAMPLE", "x", secret_access_key: "wJalrXUtnFEMIK7MDENG")
    # ok: ruby-hardcoded-credentials
    db_password = ENV.fetch("DB_PASSWORD")
    # ok: ruby-hardcoded-credentials
    api_key = Rails.application.credentials.stripe_api_key
    # ok: ruby-hardcoded-credentials
    password_field = ""
  end
end
