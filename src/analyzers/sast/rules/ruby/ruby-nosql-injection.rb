require "mongo"

class AccountsController < ApplicationController
  def login
    users = mongo_client[:users]
    # ruleid: ruby-nosql-injection
    user = users.find(name: params[:name], password: params[:password]).first
  end

  def search
    collection = mongo_client[:posts]
    # ruleid: ruby-nosql-injection
    collection.find("$where" => "this.title == '#{params[:title]}'").to_a
  end

  def purge
    filter = JSON.parse(request.body.read)
    # ruleid: ruby-nosql-injection
    mongo_client[:logs].delete_many(filter)
  end

  def safe
    users = mongo_client[:users]
    # ok: ruby-nosql-injection
    users.find(name: params[:name].to_s, password: params[:password].to_s).first
    # ok: ruby-nosql-injection
    users.find(age: { "$gt" => params[:age].to_i }).to_a
    # ok: ruby-nosql-injection
    users.find("$where" => "this.active == true").to_a
  end

  def via_helper
    find_by_filter(JSON.parse(params[:filter]))
  end

  private

  def find_by_filter(filter)
    # ruleid: ruby-nosql-injection
    mongo_client[:orders].find(filter).to_a
  end
end
