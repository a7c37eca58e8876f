class SessionsController < ApplicationController
  def create
    # ruleid: ruby-insecure-cookie
    cookies[:remember_token] = { value: token, expires: 1.year.from_now }
    # ruleid: ruby-insecure-cookie
    cookies[:session_hint] = { value: token, httponly: true }
    # ruleid: ruby-insecure-cookie
    response.set_cookie("sid", { value: token, secure: false, httponly: true })
  end

  def safe
    # ok: ruby-insecure-cookie
    cookies[:remember_token] = { value: token, secure: true, httponly: true, same_site: :lax }
    # ok: ruby-insecure-cookie
    cookies.encrypted[:user_id] = current_user.id
  end
end
