class SessionsController < ApplicationController
  def create
    # ruleid: ruby-open-redirect
    redirect_to params[:return_to], allow_other_host: true
  end

  def back
    target = request.referer
    # ruleid: ruby-open-redirect
    redirect_to target
  end

  def go
    dest = "https://#{params[:host]}/welcome"
    # ruleid: ruby-open-redirect
    redirect_to dest, allow_other_host: true
  end

  def safe
    # ok: ruby-open-redirect
    redirect_to user_path(params[:id])
    # ok: ruby-open-redirect
    redirect_to root_path
    # ok: ruby-open-redirect
    redirect_to "/dashboard"
  end

  def allow_listed
    allowed = %w[/home /settings]
    if allowed.include?(params[:next])
      # todook: ruby-open-redirect
      redirect_to params[:next]
    end
  end

  def collection
    targets = { next: params[:next] }
    # ruleid: ruby-open-redirect
    redirect_to targets[:next], allow_other_host: true
  end
end
