class UsersController < ApplicationController
  def show
    # ruleid: ruby-sql-injection
    @user = User.where("id = #{params[:id]}").first
  end

  def search
    name = params[:name]
    # ruleid: ruby-sql-injection
    @users = User.where("name LIKE '%" + name + "%'")
  end

  def sorted
    # ruleid: ruby-sql-injection
    @users = User.order(params[:sort])
  end

  def raw
    sql = format("SELECT * FROM orders WHERE status = '%s'", params[:status])
    # ruleid: ruby-sql-injection
    ActiveRecord::Base.connection.execute(sql)
  end

  def by_email
    # ruleid: ruby-sql-injection
    User.find_by_sql(email_query(params[:email]))
  end

  def filters
    conditions = []
    conditions << "role = '#{params[:role]}'"
    # ruleid: ruby-sql-injection
    User.where(conditions.join(" AND "))
  end

  def from_cookie
    # ruleid: ruby-sql-injection
    Audit.where("session = '#{cookies[:sid]}'").count
  end

  def through_callee
    delete_where(params[:filter])
  end

  def safe
    # ok: ruby-sql-injection
    User.where(id: params[:id])
    # ok: ruby-sql-injection
    User.where("name = ?", params[:name])
    # ok: ruby-sql-injection
    User.where("name = :name", name: params[:name])
    # ok: ruby-sql-injection
    User.where("id = #{params[:id].to_i}")
    quoted = ActiveRecord::Base.connection.quote(params[:name])
    # ok: ruby-sql-injection
    User.where("name = #{quoted}")
    # ok: ruby-sql-injection
    User.where("created_at > ?", 1.week.ago).order(:name)
  end

  def allow_listed
    column = %w[name created_at].include?(params[:sort]) ? params[:sort] : "name"
    # ok: ruby-sql-injection
    User.order(column)
  end

  private

  def email_query(email)
    "SELECT * FROM users WHERE email = '#{email}'"
  end

  def delete_where(filter)
    # ruleid: ruby-sql-injection
    User.delete_by(filter)
  end
end
