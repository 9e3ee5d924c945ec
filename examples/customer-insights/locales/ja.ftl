### 日本語: サービス独自のメッセージ (原文は src/service.rs と src/address.rs の英語)。
### ライブラリのメッセージ (要求の内容、413、415) は validate-core が翻訳します。
###
### ID とコード、ヘッダー名とパラメーター名 (api-version、2017-04-26) は翻訳しません。

## サービス独自の応答 (ID 別、src/locales.rs の IDS)。

route-not-found = 要求 URL に一致するルートがありません。
method-not-allowed = このメソッドはここでは使用できません。GET または PUT を使用してください。
# $maxUrlBytes: 要求 URL (パスとクエリ) の最大長 (バイト)。
url-too-long = 要求 URL が、このサービスで受け付けられる { $maxUrlBytes } バイトを超えています。
# $maxHeaderBytes: ヘッダー (名前と値) の合計の最大サイズ (バイト)。
headers-too-large = 要求ヘッダーが、このサービスで受け付けられる { $maxHeaderBytes } バイトを超えています。
body-timeout = 要求本文が時間内に届きませんでした。
# $hub、$name、$group: URL 内の名前。
resource-not-found = リソース グループ '{ $group }' 内のリソース 'Microsoft.CustomerInsights/hubs/{ $hub }/relationships/{ $name }' が見つかりませんでした。
internal-error = 要求を完了できませんでした。
url-invalid = 要求 URL が無効です。

## URL の規則 (コード別、src/address.rs)。$rule: 違反した規則 (required、one_of、range、
## format、length、pattern)。$parameter: URL のパラメーター (hubName など)。

MissingApiVersionParameter = すべての要求で api-version クエリ パラメーター (?api-version=) を指定する必要があります。
InvalidApiVersionParameter =
    { $rule ->
        [range] api-version クエリ パラメーターは 1 回だけ指定する必要があります。
       *[other] この api-version はサポートされていません。サポートされているバージョンは '2017-04-26' と '2017-01-01' です。
    }
InvalidSubscriptionId = サブスクリプション ID は GUID である必要があります。
InvalidResourceGroupName =
    { $rule ->
        [length] リソース グループ名は 1 ～ 90 文字にする必要があります。
       *[other] リソース グループ名に使用できるのは任意の文字体系の文字、数字、'-', '_', '.', '(', ')' のみで、末尾を '.' にすることはできません。
    }
InvalidResourceName =
    { $parameter ->
        [hubName]
            { $rule ->
                [length] ハブ名は 2 ～ 64 文字にする必要があります。
               *[other] ハブ名は英字で始め、英字と数字のみを使用する必要があります。
            }
       *[other]
            { $rule ->
                [length] リレーションシップ名は 512 文字以内にする必要があります。
               *[other] リレーションシップ名は英字で始め、英字、数字、'_' のみを使用する必要があります。
            }
    }
