class PreferencesController < ApplicationController
  def update
    # ruleid: ruby-trust-boundary-violation
    session[:role] = params[:role]
    theme = "theme-" + params[:theme]
    # ruleid: ruby-trust-boundary-violation
    session[:theme] = theme
    remember(:locale, cookies[:locale])
  end

  def safe
    # ok: ruby-trust-boundary-violation
    session[:page] = params[:page].to_i
    # ok: ruby-trust-boundary-violation
    session[:visited] = true
    cache = {}
    # ok: ruby-trust-boundary-violation
    cache[:role] = params[:role]
  end

  private

  def remember(key, value)
    # ruleid: ruby-trust-boundary-violation
    session[key] = value
  end
end
