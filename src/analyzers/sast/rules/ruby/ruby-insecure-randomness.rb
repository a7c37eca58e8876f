class TokensController < ApplicationController
  CHARS = ("a".."z").to_a + ("0".."9").to_a

  def create
    # ruleid: ruby-insecure-randomness
    @reset_token = Array.new(32) { CHARS.sample }.join
    # ruleid: ruby-insecure-randomness
    otp_code = rand(100_000..999_999)
    # ruleid: ruby-insecure-randomness
    api_key = Random.new.rand(10**20).to_s(36)
  end

  def safe
    # ok: ruby-insecure-randomness
    @reset_token = SecureRandom.urlsafe_base64(32)
    # ok: ruby-insecure-randomness
    otp_code = SecureRandom.random_number(1_000_000)
    # ok: ruby-insecure-randomness
    dice = rand(1..6)
    # ok: ruby-insecure-randomness
    winner = players.sample
  end
end
