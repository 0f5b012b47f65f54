data "teamshipaa_directory_role_template" "global_admin" {
  display_name = "Global Administrator"
}

output "global_admin_role_template_id" {
  value = data.teamshipaa_directory_role_template.global_admin.id
}
