-- Drives neovim's built-in LSP client (neovim 0.7+) against `dmn lsp`, as a user's editor would, and
-- writes what the editor saw to a JSON file for NeovimClientTest. Inputs come from the environment:
--   DMN_LSP_CMD  the server command line, a JSON list
--   DMN_MODEL    the .circuit file to open
--   DMN_ASK      JSON {hover = {line, col}, definition = {line, col}, rename = {line, col, name}}
--   DMN_RESULT   where to write the result
local cmd = vim.fn.json_decode(os.getenv("DMN_LSP_CMD"))
local model = os.getenv("DMN_MODEL")
local ask = vim.fn.json_decode(os.getenv("DMN_ASK"))
local result = { log = {} }

local function finish()
  local file = io.open(os.getenv("DMN_RESULT"), "w")
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(model))
  local buf = vim.api.nvim_get_current_buf()
  -- the set-up the README gives: the .circuit filetype, and the server started for it
  vim.bo[buf].filetype = "circuit"
  local client = vim.lsp.start_client({ name = "dmn", cmd = cmd, root_dir = vim.fn.fnamemodify(model, ":p:h") })
  vim.lsp.buf_attach_client(buf, client)

  vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, { line = d.lnum, message = d.message })
  end

  local function at(p)
    return { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = p[1], character = p[2] } }
  end
  local function ask_server(method, params)
    local responses = vim.lsp.buf_request_sync(buf, method, params, 30000) or {}
    for _, response in pairs(responses) do
      if response.result then return response.result end
      if response.err then table.insert(result.log, method .. ": " .. vim.inspect(response.err)) end
    end
    return nil
  end

  local hover = ask_server("textDocument/hover", at(ask.hover))
  result.hover = hover and hover.contents and hover.contents.value or ""

  local definition = ask_server("textDocument/definition", at(ask.definition))
  if definition and definition[1] then result.definition_line = definition[1].range.start.line end

  local symbols = ask_server("textDocument/documentSymbol", { textDocument = vim.lsp.util.make_text_document_params(buf) })
  result.symbols = {}
  for _, s in ipairs(symbols or {}) do
    table.insert(result.symbols, s.name)
    for _, child in ipairs(s.children or {}) do table.insert(result.symbols, child.name) end
  end

  local rename = at(ask.rename)
  rename.newName = ask.rename[3]
  local edit = ask_server("textDocument/rename", rename)
  if edit then vim.lsp.util.apply_workspace_edit(edit, "utf-16") end
  result.renamed = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")

  vim.lsp.stop_client(client)
  vim.wait(10000, function() return vim.lsp.get_client_by_id(client) == nil end, 100)
end)
if not ok then result.error = tostring(err) end
finish()
