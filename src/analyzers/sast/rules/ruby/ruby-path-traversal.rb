class FilesController < ApplicationController
  BASE = "/srv/uploads"

  def show
    # ruleid: ruby-path-traversal
    send_file "#{BASE}/#{params[:name]}"
  end

  def read
    path = File.join(BASE, params[:file])
    # ruleid: ruby-path-traversal
    data = File.read(path)
    render plain: data
  end

  def export
    # ruleid: ruby-path-traversal
    send_file Rails.root.join("exports", params[:report])
  end

  def purge
    remove_upload(params[:dir])
  end

  def safe
    # ok: ruby-path-traversal
    send_file File.join(BASE, File.basename(params[:name]))
    name = File.basename(params[:file])
    # ok: ruby-path-traversal
    File.read(File.join(BASE, name))
    # ok: ruby-path-traversal
    File.read(Rails.root.join("config", "settings.yml"))
  end

  def checked
    path = File.expand_path(params[:file], BASE)
    raise ActionController::BadRequest unless path.start_with?(BASE + "/")
    # ok: ruby-path-traversal
    send_file path
  end

  private

  def remove_upload(dir)
    # ruleid: ruby-path-traversal
    FileUtils.rm_rf(File.join(BASE, dir))
  end
end
